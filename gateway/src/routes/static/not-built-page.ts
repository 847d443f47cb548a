/** What `/` shows when the shell has not been built, instead of a bare 404. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>UnionFlow · 应用尚未构建</title></head>
<body>
<h1>应用尚未构建 / The apps are not built yet</h1>
<p>前端应用（apps/*/dist）还没有构建。请在仓库根目录运行 <code>pnpm build</code>，然后刷新本页。</p>
<p>The front-end apps (apps/*/dist) have not been built. Run <code>pnpm build</code> in the repository root, then reload.</p>
<p>API 文档 / API docs: <a href="/docs">/docs</a></p>
</body>
</html>
`;
