#ifndef EARTHBOX_CNETCDF_SHIM_H
#define EARTHBOX_CNETCDF_SHIM_H

#include <stdint.h>
#include <netcdf.h>

/* Minimal HDF5 declarations so that the HDF5 headers are not needed.
   hid_t is int64_t and herr_t is int in HDF5 >= 1.10; H5E_DEFAULT is 0. */
typedef int64_t eb_hid_t;
extern int H5Eset_auto2(eb_hid_t estack_id, void *func, void *client_data);

/* Switch off HDF5's automatic error-stack printing for the calling thread.
   Debian's HDF5 is built thread-safe, so the setting is per thread: call it
   on every thread before netCDF file operations (it is cheap). */
static inline int eb_hdf5_silence_errors(void) {
    return H5Eset_auto2((eb_hid_t)0 /* H5E_DEFAULT */, (void *)0, (void *)0);
}

#endif
