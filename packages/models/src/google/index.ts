export { createGoogleModel, type GoogleModelOptions } from './create-model.js';
