/** The radii offered, in km: the form's choices and the "look further" steps. */
export const RADII = [5, 10, 20, 30, 50, 100];
