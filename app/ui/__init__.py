"""QtWidgets: windows, panels and item models; thin slots that call the workers' controllers."""
