/**
 * Comms, the Jupyter messaging protocol's channels between a kernel-side object and its frontend twin
 * ({@code comm_open}, {@code comm_msg}, {@code comm_close}, {@code comm_info_request}, with binary buffers): a
 * {@link vae.kernel.comm.CommManager} per kernel keeps the open {@link vae.kernel.comm.Comm}s and the targets the
 * frontend may open; the widgets of {@code vae.kernel.widgets} are built on it.
 */
package vae.kernel.comm;
