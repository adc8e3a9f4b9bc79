// The LagoaJSON module; see the types in this folder.
