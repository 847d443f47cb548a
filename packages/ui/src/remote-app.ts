/** Paths into the shell a federated app may link to (absent when the app runs alone). */
export interface HostPaths {
  newCase: (processKey: string) => string;
  caseDetail: (caseId: string) => string;
  /** The approval forms of several cases on one print page (older shells lack it). */
  printCases?: (caseIds: string[]) => string;
}

/** Props the shell passes to every remote's exposed `App`. */
export interface RemoteAppProps {
  /** Where the shell mounted the app, e.g. `/innovation`. */
  basePath: string;
  hostPaths?: HostPaths;
}
