/**
 * The MNIST digits: where the data files are read from (the vae-data jar, or VAE_DATA), reading IDX files, picking one
 * image or a batch, and turning pixels into pictures.
 */
package vae.data;
