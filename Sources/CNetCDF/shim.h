#ifndef EARTHBOX_CNETCDF_SHIM_H
#define EARTHBOX_CNETCDF_SHIM_H

#include <stdint.h>
#include <netcdf.h>
#include <zlib.h>

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

/* Direct chunk writes (HDF5 >= 1.10.2): the NetCDF writer deflates the chunks of every large fixed-size double variable itself
   (NetCDFChunkWriter.swift) and stores them after netCDF has closed the file. H5P_DEFAULT is 0 and
   H5F_ACC_RDWR is 1 in HDF5 1.10 (H5Ppublic.h, H5Fpublic.h). */
typedef int eb_herr_t;
extern eb_herr_t H5open(void);
extern eb_hid_t H5Fopen(const char *filename, unsigned flags, eb_hid_t fapl_id);
extern eb_herr_t H5Fclose(eb_hid_t file_id);
extern eb_hid_t H5Dopen2(eb_hid_t loc_id, const char *name, eb_hid_t dapl_id);
extern eb_herr_t H5Dclose(eb_hid_t dset_id);
extern eb_herr_t H5Dwrite_chunk(eb_hid_t dset_id, eb_hid_t dxpl_id, uint32_t filters, const unsigned long long *offset,
                                size_t data_size, const void *buf);

static inline eb_hid_t eb_hdf5_open_for_writing(const char *path) {
    if (H5open() < 0) return -1;
    return H5Fopen(path, 0x0001u /* H5F_ACC_RDWR */, (eb_hid_t)0 /* H5P_DEFAULT */);
}

static inline eb_hid_t eb_hdf5_open_dataset(eb_hid_t file, const char *name) {
    return H5Dopen2(file, name, (eb_hid_t)0);
}

/* deflateInit is a macro (it passes the header's version and z_stream size); Swift cannot call it. */
static inline int eb_deflate_init(z_stream *stream, int level) {
    stream->zalloc = Z_NULL; stream->zfree = Z_NULL; stream->opaque = Z_NULL;
    return deflateInit(stream, level);
}

#endif
