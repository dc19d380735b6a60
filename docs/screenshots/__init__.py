"""Screenshots of the counter terminal's screens, rendered offscreen in Japanese from the
tests' synthetic city against a real registry: `python -m docs.screenshots` (see __main__.py).

Each screen is a named Scene in a module listed in SCENE_MODULES (docs/screenshots/__main__.py);
a workflow adds its screens by adding a module with a `SCENES` list."""
