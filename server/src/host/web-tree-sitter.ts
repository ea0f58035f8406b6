// The shell parser's runtime as a bundle of its own (dist/web-tree-sitter.js) beside the command's and the
// server's programs, which require it: it imports Node built-ins with import(), which Node's loader supports
// and a program compiled through the code cache (compile-cache.ts) does not.
export * from 'web-tree-sitter';
