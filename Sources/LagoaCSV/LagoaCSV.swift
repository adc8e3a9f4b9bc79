// The LagoaCSV module; see the types in this folder.
