#ifndef EARTHBOX_CMPI_SHIM_H
#define EARTHBOX_CMPI_SHIM_H

#define OMPI_SKIP_MPICXX 1
#include <mpi.h>

/* Open MPI's predefined handles and constants are macros Swift cannot import. */
static inline MPI_Comm eb_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype eb_mpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Datatype eb_mpi_int(void) { return MPI_INT; }
static inline MPI_Datatype eb_mpi_int64(void) { return MPI_INT64_T; }
static inline MPI_Datatype eb_mpi_byte(void) { return MPI_BYTE; }
static inline MPI_Op eb_mpi_op_sum(void) { return MPI_SUM; }
static inline MPI_Op eb_mpi_op_max(void) { return MPI_MAX; }
static inline MPI_Op eb_mpi_op_min(void) { return MPI_MIN; }
static inline int eb_mpi_success(void) { return MPI_SUCCESS; }
static inline int eb_mpi_thread_single(void) { return MPI_THREAD_SINGLE; }
static inline int eb_mpi_thread_funneled(void) { return MPI_THREAD_FUNNELED; }
static inline int eb_mpi_thread_serialized(void) { return MPI_THREAD_SERIALIZED; }
static inline int eb_mpi_thread_multiple(void) { return MPI_THREAD_MULTIPLE; }
static inline MPI_Status *eb_mpi_status_ignore(void) { return MPI_STATUS_IGNORE; }

#endif
