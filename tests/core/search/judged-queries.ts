/**
 * Judged queries over the sample vault (vault/): what a reader types, and the notes a person who
 * knows the vault would expect on top. Written from the notes' real content; `relevance.test.ts`
 * holds the engine to it (each expected note in the top 3).
 *
 * Kinds, so the set keeps covering what people actually do: plain words, typos (dropped,
 * doubled, swapped letters), aliases, phrases, operators, and a word still being typed.
 */

export type JudgedKind = 'word' | 'typo' | 'alias' | 'phrase' | 'operator' | 'prefix';

export interface JudgedQuery {
  query: string;
  kind: JudgedKind;
  /** Every one of these must be in the top 3. */
  expect: string[];
  why: string;
}

export const JUDGED: JudgedQuery[] = [
  { query: 'kafka ', kind: 'word', expect: ['Data stack/Apache Kafka.md'], why: 'the note named for it (title Apache Kafka, alias Kafka)' },
  { query: 'psyberg ', kind: 'word', expect: ['Data stack/Psyberg.md'], why: 'title' },
  { query: 'late arriving data ', kind: 'word', expect: ['Data stack/Psyberg.md'], why: '"a framework for late-arriving data"' },
  { query: 'maestro orchestration ', kind: 'word', expect: ['Data stack/Maestro.md'], why: 'title plus its one-line description' },
  { query: 'karl popper ', kind: 'word', expect: ['People and roles/Eli Bressert.md'], why: 'only his biography mentions Popper' },
  { query: 'maunakea telescopes ', kind: 'word', expect: ['People and roles/Eli Bressert.md'], why: 'body, his observing years' },
  { query: 'cash forecast ', kind: 'word', expect: ['Analytics engineering/Content cash modeling.md'], why: 'Content Forecast, alias Cash forecasting for content' },
  { query: 'chatbot language model ', kind: 'word', expect: ['Analytics engineering/LORE.md'], why: 'LORE is an LLM chatbot' },
  { query: 'dubbing ', kind: 'word', expect: ['Analytics engineering/Assistive speech recognition in dubbing.md'], why: 'title word' },
  { query: 'stakeholders ', kind: 'word', expect: ['People and roles/Stakeholder map.md'], why: 'plural of the title word' },
  { query: 'elizabeth stone ', kind: 'word', expect: ['People and roles/Elizabeth Stone.md'], why: 'the person note, over the many notes quoting her' },
  { query: 'bresert ', kind: 'typo', expect: ['People and roles/Eli Bressert.md'], why: 'dropped letter' },
  { query: 'experimantation platform ', kind: 'typo', expect: ['Practices/Experimentation platform.md'], why: 'wrong vowel' },
  { query: 'transparancy ', kind: 'typo', expect: ['Culture/Transparency.md'], why: 'wrong vowel' },
  { query: 'sythetic control ', kind: 'typo', expect: ['Analytics engineering/Synthetic control.md'], why: 'dropped letter' },
  { query: 'kafak ', kind: 'typo', expect: ['Data stack/Apache Kafka.md'], why: 'swapped letters' },
  { query: 'iceburg ', kind: 'typo', expect: ['Data stack/Apache Iceberg.md'], why: 'misspelt' },
  { query: 'DSE ', kind: 'alias', expect: ['People and roles/Data Science Engineering.md'], why: 'alias DSE' },
  { query: 'ignite ', kind: 'alias', expect: ['Practices/Experimentation platform.md'], why: 'alias Ignite' },
  { query: 'north star metric ', kind: 'alias', expect: ['Culture/North stars.md'], why: 'alias North Star metric' },
  { query: 'radical transparency ', kind: 'alias', expect: ['Culture/Transparency.md'], why: 'alias Radical transparency' },
  { query: 'ASR ', kind: 'alias', expect: ['Analytics engineering/Assistive speech recognition in dubbing.md'], why: 'alias ASR' },
  { query: 'TBD slots ', kind: 'alias', expect: ['Analytics engineering/Content cash modeling.md'], why: 'alias TBD slots' },
  { query: 'incrementality OR causality ', kind: 'alias', expect: ['Practices/Causal inference.md'], why: 'both are its aliases' },
  { query: '"talent density"', kind: 'phrase', expect: ['Podcast/Talent density.md'], why: 'title as a phrase' },
  { query: '"layers of communication"', kind: 'phrase', expect: ['Practices/Memos to leadership.md'], why: 'alias and section heading' },
  { query: '"source of truth"', kind: 'phrase', expect: ['Data stack/Impressions source of truth.md', 'Data stack/Storage and sources of truth.md'], why: 'both titles hold the phrase (one as a plural)' },
  { query: 'tag:system kafka ', kind: 'operator', expect: ['Data stack/Apache Kafka.md'], why: 'tagged system' },
  { query: 'path:podcast talent ', kind: 'operator', expect: ['Podcast/Talent density.md'], why: 'within the Podcast folder' },
  { query: 'video:2XgU6T4DalY superpower ', kind: 'operator', expect: ['Podcast/Attitudinal and behavioral research.md'], why: 'cites the episode; alias Research superpower' },
  { query: 'bressert -path:sources ', kind: 'operator', expect: ['People and roles/Eli Bressert.md'], why: 'the person, not the interview under Sources/' },
  { query: 'file:metaflow', kind: 'operator', expect: ['Analytics engineering/Metaflow.md'], why: 'file name' },
  { query: 'dashb', kind: 'prefix', expect: ['Analytics engineering/Dashboard design.md'], why: 'word being typed' },
  { query: 'self-service analyt', kind: 'prefix', expect: ['Practices/Self-service tools.md'], why: 'alias Self-service analytics, last word still being typed' },
];
