/** See typeorm-variant.js: the TypeORM copy the test process runs on (ORMDIFF_TEST_TYPEORM). */
export declare const ENV: 'ORMDIFF_TEST_TYPEORM';
/** The typeorm-<version> devDependency in use, or undefined for the default `typeorm`. */
export declare function variant(): string | undefined;
export declare function moduleNameMapper(): Record<string, string>;
/** Node flags that give a spawned process the same copy. */
export declare function nodeArgs(): string[];
export declare function installResolver(): void;
