# motcua_library(<name> <sources>…): one MotCua static library, the way every folder makes its own.
# Includes are rooted at the source tree ("model/dossier.h"), the language is C++20, and the shared warnings apply.
include(MotCuaWarnings)

function(motcua_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_compile_features(${name} PUBLIC cxx_std_20)
  motcua_warnings(${name})
endfunction()
