package vae.kernel;

/**
 * {@link JupyterFrontendTests} in JupyterLab 4 with ipywidgets 8's manager (jupyterlab_widgets), the frontend
 * {@code ./tutorial} opens: every widget is moved with the mouse and with the keyboard.
 */
class JupyterLabBrowserIT extends JupyterFrontendTests {
    @Override
    JupyterFrontend.App app() {
        return JupyterFrontend.App.LAB;
    }

    @Override
    boolean keyboard() {
        return true;
    }
}
