/** XChart plots and image grids for the lessons; every method returns the chart (or picture) so a notebook shows it inline. */
package vae.plot;
