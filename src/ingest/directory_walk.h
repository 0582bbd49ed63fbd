// Directory walk: the readable files under a directory, recursively.
//
// Entries of each directory are visited in byte-wise sorted order of their
// names, subdirectories where they fall in that order (depth first). Files
// whose names ClassifyPath does not know (.json, .expected.json, .md, ...)
// and hidden entries are not reported. Symbolic links are followed, but a
// directory already on the walk (a link loop, or a link to a directory seen
// before) is not entered again. An unreadable directory gives one IoError
// naming it and the walk goes on.
#ifndef DATELINE_INGEST_DIRECTORY_WALK_H_
#define DATELINE_INGEST_DIRECTORY_WALK_H_

#include <functional>
#include <string>

#include "dateline/status.h"

namespace dateline::ingest {

void WalkDirectory(const std::string& dir, const std::function<void(const std::string&)>& on_file,
                   const std::function<void(const Status&)>& on_error);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_DIRECTORY_WALK_H_
