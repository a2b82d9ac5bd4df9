"""The standard normalizers of textnorm, each a plugin module registered through the
``textnorm`` entry-point group exactly like a third-party plugin."""
