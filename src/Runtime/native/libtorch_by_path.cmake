# A libtorch whose TorchConfig.cmake does not configure here — typically the CUDA libtorch inside a PyTorch
# installation on a machine without the CUDA toolkit (its config looks for nvcc and the toolkit's libraries, which
# running it does not need) — is used by path: its headers under include/, its libraries under lib/, and the C++ ABI
# its config file names. Sets TORCH_INCLUDE_DIRS, TORCH_LIBRARIES and TORCH_CXX_FLAGS as find_package(Torch) would.
set(_libtorch "${DEEPDSL_LIBTORCH}")
foreach(_name torch torch_cpu c10)
  find_library(DEEPDSL_LIB_${_name} ${_name} PATHS "${_libtorch}/lib" NO_DEFAULT_PATH)
  if(NOT DEEPDSL_LIB_${_name})
    message(FATAL_ERROR "DeepDsl: ${_libtorch}/lib has no lib${_name}.so: DEEPDSL_LIBTORCH must name a libtorch folder (with include/ and lib/), e.g. a PyTorch installation's torch/ folder")
  endif()
  list(APPEND TORCH_LIBRARIES "${DEEPDSL_LIB_${_name}}")
endforeach()
# CUDA's kernels register themselves when libtorch_cuda loads: link it whenever it is there, even though no symbol
# of it is named (hence --no-as-needed).
foreach(_name torch_cuda c10_cuda)
  find_library(DEEPDSL_LIB_${_name} ${_name} PATHS "${_libtorch}/lib" NO_DEFAULT_PATH)
  if(DEEPDSL_LIB_${_name})
    list(APPEND TORCH_LIBRARIES "-Wl,--no-as-needed" "${DEEPDSL_LIB_${_name}}" "-Wl,--as-needed")
  endif()
endforeach()
set(TORCH_INCLUDE_DIRS "${_libtorch}/include" "${_libtorch}/include/torch/csrc/api/include")
# The ABI must match libtorch's, or every std::string in its API is a different type; its config file says which.
set(TORCH_CXX_FLAGS "")
if(EXISTS "${_libtorch}/share/cmake/Torch/TorchConfig.cmake")
  file(STRINGS "${_libtorch}/share/cmake/Torch/TorchConfig.cmake" _abi REGEX "_GLIBCXX_USE_CXX11_ABI=[01]")
  string(REGEX MATCH "_GLIBCXX_USE_CXX11_ABI=[01]" _abi "${_abi}")
  if(_abi)
    set(TORCH_CXX_FLAGS "-D${_abi}")
  endif()
endif()
message(STATUS "DeepDsl: libtorch by path from ${_libtorch} (${TORCH_CXX_FLAGS})")
