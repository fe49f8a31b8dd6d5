"""One router a resource; `app.create_app` includes them all under `/api`."""
