"""The Qt desktop UI. Everything here runs on the UI thread except the operations handed to
`tasks` (``CollectionOp`` for a use case, ``QueryOp`` for a slow read, ``run_task`` for the rest);
no SQL and no HTTP here — the UI calls `Workspace` only and takes its types from
`pfdo_desktop.workspace_types`."""
