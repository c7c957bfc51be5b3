export { DEFAULT_FEATURE_OPTIONS, createTextHasher, type FeatureOptions } from './features.js';
export { buildFeatureSpace, createVectorizer, type FeatureSpace, type Vectorizer } from './feature-space.js';
export type { LinearModel, ClassWeight } from './model.js';
export { trainClassifier, trainMultiLabel, DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './train.js';
export { createClassifier, type Classifier, type Prediction, type LabelScore } from './classifier.js';
export { calibrateLabelThresholds, calibrateRejectThreshold } from './calibrate.js';
export { evaluate, microF1, UNCLASSIFIED, type Evaluation, type ClassMetrics, type Confusion } from './metrics.js';
export { toModelFile, fromModelFile, ModelFileSchema, MODEL_FORMAT, type ModelFile } from './serialize.js';
export { splitIndices } from './split.js';
