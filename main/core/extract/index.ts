export { extractNote } from './extract-note';
