package vae.model;

import java.util.List;
import vae.train.Trainable;

/**
 * The names the VAE's graph gives its values, each written once, here: the lesson's words, in the lesson's order.
 * Every class that builds, feeds or reads a value takes its name from this class; a learner types the strings
 * ({@code pass.get("mu")}). Shapes for a batch of B images and a latent space of d dimensions:
 * <pre>
 * x                           [B, 784]  the images, one row of 784 grey pixels in [0, 1] each (fed)
 * mu                          [B, d]    μ, the mean of q(z | x): the encoder's first head
 * logVar                      [B, d]    logvar = log σ², the encoder's second head
 * sigma                       [B, d]    σ = exp(½·logvar)
 * epsilon                     [B, d]    ε ~ N(0, I), drawn outside the graph (fed)
 * z                           [B, d]    z = μ + σ·ε
 * reconstruction              [B, 784]  σ(logits): each pixel's probability of ink
 * reconstructionLoss          scalar    the batch mean of reconstructionLossPerImage
 * kl                          scalar    the batch mean of klPerImage
 * loss                        scalar    reconstructionLoss + β·kl, the negative ELBO
 *
 * reconstructionLossPerPixel  [B, 784]  BCE(x, logits) (or (reconstruction − x)² for MSE) of each pixel
 * reconstructionLossPerImage  [B]       Σ over the 784 pixels
 * klPerDimension              [B, d]    ½·(μ² + σ² − logvar − 1)
 * klPerImage                  [B]       Σ over the d dimensions
 *
 * encoderHidden               [B, hidden]  relu(x·encoderW + encoderB), the MLP encoder's hidden layer
 * decoderHidden               [B, hidden]  relu(z·decoderW + decoderB) (the conv decoder's: [B, 3136])
 * logits                      [B, 784]  the decoder's last layer before the sigmoid, what the stable BCE reads
 * image                       [B, 1, 28, 28]  x as images, the conv encoder's input
 * flattened                   [B, 3136] the conv encoder's last feature map as one row, the heads' input
 * decoderGrid                 [B, 64, 7, 7]  decoderHidden as 64 maps of 7×7, the first transposed conv's input
 * outputConv                  [B, 1, 28, 28]  the conv decoder's last convolution, the logits as images
 * </pre>
 * The conv layers' outputs carry their layers' names ({@code conv1}, …, {@code deconv2}: {@link ConvEncoder},
 * {@link ConvDecoder}), the weights theirs ({@code encoderW}, {@code muB}, …: {@link Parameters}).
 */
public final class GraphNames {
    public static final String X = "x";
    public static final String MU = "mu";
    public static final String LOG_VAR = "logVar";
    public static final String SIGMA = "sigma";
    public static final String EPSILON = "epsilon";
    public static final String Z = "z";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String RECONSTRUCTION_LOSS = "reconstructionLoss";
    public static final String KL = "kl";
    /** The total that training minimises, named by the trainer ({@link Trainable#LOSS}). */
    public static final String LOSS = Trainable.LOSS;

    public static final String RECONSTRUCTION_LOSS_PER_PIXEL = "reconstructionLossPerPixel";
    public static final String RECONSTRUCTION_LOSS_PER_IMAGE = "reconstructionLossPerImage";
    public static final String KL_PER_DIMENSION = "klPerDimension";
    public static final String KL_PER_IMAGE = "klPerImage";

    public static final String ENCODER_HIDDEN = "encoderHidden";
    public static final String DECODER_HIDDEN = "decoderHidden";
    public static final String LOGITS = "logits";
    public static final String IMAGE = "image";
    public static final String FLATTENED = "flattened";
    public static final String DECODER_GRID = "decoderGrid";
    public static final String OUTPUT_CONV = "outputConv";

    /** The lesson's steps in its order, x to loss: the first values of a {@link ForwardPass}. */
    public static final List<String> LESSON_STEPS = List.of(X, MU, LOG_VAR, SIGMA, EPSILON, Z,
            RECONSTRUCTION, RECONSTRUCTION_LOSS, KL, LOSS);
    /** The per-pixel, per-image and per-dimension terms of the two losses: the rest of a {@link ForwardPass}. */
    public static final List<String> PER_IMAGE = List.of(RECONSTRUCTION_LOSS_PER_PIXEL, RECONSTRUCTION_LOSS_PER_IMAGE,
            KL_PER_DIMENSION, KL_PER_IMAGE);
    /** The three batch means a training step reports, the total first. */
    public static final List<String> LOSSES = List.of(LOSS, RECONSTRUCTION_LOSS, KL);

    private GraphNames() {}
}
