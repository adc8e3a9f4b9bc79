// The LagoaTesting module; see the types in this folder.
