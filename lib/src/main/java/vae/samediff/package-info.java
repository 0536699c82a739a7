/**
 * Where the library works around ND4J 1.0.0-M2.1: each method names the SameDiff call it stands in for, why, and the
 * test in {@code vae.samediff} that shows the ND4J behaviour, so that the model classes read like the lesson and an ND4J
 * upgrade touches this package and its tests only (a test that starts failing says its workaround can go).
 *
 * <p>One behaviour has no method here: {@code sd.var(name, view)} copies the view ({@code SameDiffCopiesViewsTest}), so
 * the weights cannot be views into one flat vector and the trainer's Adam updates each weight apart.
 */
package vae.samediff;
