/** The lesson's formulas in plain Java, to check the graph against. */
package vae.maths;
