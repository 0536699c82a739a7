/** For lecturers: learner versions of the notebooks, grading of submissions, slides and handouts. */
package vae.lecturer;
