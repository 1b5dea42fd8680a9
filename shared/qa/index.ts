/** Quality review: the scoring maths, scorecards and reviews. */
export * from './scoring';
export * from './model';
export * from './sampling';
export * from './autoQa';
export * from './calibration';
