#include "earthbox_support.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define EB_TEMP_SLOTS 64
#define EB_TEMP_PATH_MAX 4096

static char temp_paths[EB_TEMP_SLOTS][EB_TEMP_PATH_MAX];
static volatile sig_atomic_t temp_in_use[EB_TEMP_SLOTS];
static pthread_mutex_t temp_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile sig_atomic_t handled_signal = 0;

int eb_temp_remember(const char *path) {
    size_t length = strlen(path);
    if (length >= EB_TEMP_PATH_MAX) return -1;
    int slot = -1;
    pthread_mutex_lock(&temp_lock);
    for (int i = 0; i < EB_TEMP_SLOTS; i++) {
        if (!temp_in_use[i]) { slot = i; break; }
    }
    if (slot >= 0) {
        memcpy(temp_paths[slot], path, length + 1);
        temp_in_use[slot] = 1;   /* set after the path is complete: the handler never sees half a name */
    }
    pthread_mutex_unlock(&temp_lock);
    return slot;
}

void eb_temp_forget(int slot) {
    if (slot < 0 || slot >= EB_TEMP_SLOTS) return;
    pthread_mutex_lock(&temp_lock);
    temp_in_use[slot] = 0;
    pthread_mutex_unlock(&temp_lock);
}

static void on_termination(int signo) {
    handled_signal = signo;
    for (int i = 0; i < EB_TEMP_SLOTS; i++) {
        if (temp_in_use[i]) unlink(temp_paths[i]);
    }
    /* The default action ends the process as killed by `signo` (status 128 + signo in a shell). */
    signal(signo, SIG_DFL);
    raise(signo);
}

void eb_install_termination_handlers(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_termination;
        sigemptyset(&action.sa_mask);
        /* Block the other termination signals while cleaning up, so two signals do not race. */
        for (unsigned j = 0; j < sizeof signals / sizeof signals[0]; j++) sigaddset(&action.sa_mask, signals[j]);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
    /* A parent may hand down a mask that blocks them (a test runner's threads do): unblock them here, at start,
       so that threads created later inherit the unblocked mask too. */
    sigset_t termination;
    sigemptyset(&termination);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&termination, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &termination, NULL);
}

int eb_termination_signal(void) { return handled_signal; }
