/** The MNIST digits: reading IDX files, picking one image or a batch, and turning pixels into pictures. */
package vae.data;
