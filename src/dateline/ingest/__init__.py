"""Reading dated articles from the formats people have, and storing them with nothing lost."""
