"""Demo content built from the network's own text (shared/seed/cz-ua-digital-innovation.txt)."""
