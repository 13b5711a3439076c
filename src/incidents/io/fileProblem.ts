/** A file that could not be read at all: says what is wrong with it. */
export interface FileProblem {
  fileError: string;
}
