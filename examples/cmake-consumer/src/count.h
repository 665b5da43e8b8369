/* Counting lines of one file. */
#ifndef LINECOUNT_COUNT_H
#define LINECOUNT_COUNT_H

/* The number of lines of the file at path, or -1 if it cannot be read. */
long count_lines(const char *path);

#endif
