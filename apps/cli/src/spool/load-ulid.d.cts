/** ulidx's `ulid`, loaded on first use */
export declare function loadUlid(): (seedTime?: number) => string;
