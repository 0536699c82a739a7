package vae.kernel;

/**
 * {@link JupyterFrontendTests} in Notebook 7 ({@code ./tutorial --frontend notebook}) with the same widget manager:
 * widgets are moved with the mouse only, as Notebook 7's own shortcuts take the arrow keys from a focused slider.
 */
class Notebook7BrowserIT extends JupyterFrontendTests {
    @Override
    JupyterFrontend.App app() {
        return JupyterFrontend.App.NOTEBOOK;
    }

    @Override
    boolean keyboard() {
        return false;
    }
}
