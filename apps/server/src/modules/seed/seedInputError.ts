/** A seed request that cannot be met (unknown division code, too few members for the tree); the message is for users. */
export class SeedInputError extends Error {}
