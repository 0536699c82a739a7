/** Tablesaw tables of the lesson's values: per latent dimension, shapes along the pipeline, training history. */
package vae.table;
