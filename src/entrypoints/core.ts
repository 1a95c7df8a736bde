// Entry point `lbkit/core`: the engine-neutral options, for code shared by both engines.
export * from '../core';
