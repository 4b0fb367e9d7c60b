/** A module without a start function, for the loader's error message. */
export const nothing = 1;
