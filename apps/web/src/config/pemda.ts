/** The pemda this deployment serves (Kota Bandung in the demo): the public pages ask for its data. */
export const DEFAULT_PEMDA = '32.73';
