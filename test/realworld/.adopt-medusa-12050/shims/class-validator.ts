/** Stand-in for class-validator (not installed): the feature-flag decorators add validation only when a flag is off. */
const noop = (): PropertyDecorator => () => undefined;
export const Equals = noop;
export const ValidateIf = noop;
