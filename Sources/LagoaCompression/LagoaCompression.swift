// The LagoaCompression module; see the types in this folder.
