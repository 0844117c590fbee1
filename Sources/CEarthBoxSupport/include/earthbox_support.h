#ifndef EARTHBOX_SUPPORT_H
#define EARTHBOX_SUPPORT_H

#include "earthbox_math.h"

/* Temporary output files and termination signals.

   Every output is written to a temporary name and renamed when complete. The temporary names in use are kept
   here, in fixed storage, so that a handler for SIGINT, SIGTERM and SIGHUP can unlink them with only
   async-signal-safe calls (unlink, signal, raise) and then let the signal end the process with its default
   action: the exit status a shell reports is the conventional 128 + signal number. */

/* Remembers `path` until `eb_temp_forget(slot)`; returns the slot, or -1 if the path is too long or all slots are
   in use (the file is then still removed by the writer on every error path, only not on a signal). */
int eb_temp_remember(const char *path);
void eb_temp_forget(int slot);

/* Installs the handler for SIGINT, SIGTERM and SIGHUP (idempotent). */
void eb_install_termination_handlers(void);

/* The signal that is being handled, 0 if none (for tests). */
int eb_termination_signal(void);

#endif
