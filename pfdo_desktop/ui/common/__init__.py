"""What several screens share: texts and styles, the list-and-card panel, the form dialog."""
