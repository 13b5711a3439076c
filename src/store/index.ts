export { openImportedStore, type ImportedStore } from './importedStore';
