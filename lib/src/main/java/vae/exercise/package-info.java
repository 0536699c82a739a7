/** Checks for the notebooks' exercises: tutor-like feedback, and "not yet answered" for an untouched stub. */
package vae.exercise;
