"""The Qt desktop UI. Everything here runs on the UI thread except the functions handed to
`tasks.run_task`; no SQL and no HTTP here — the UI calls `Workspace`."""
