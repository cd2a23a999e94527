#!/bin/sh
# Estimates the noise transform for pocketsphinx's en-us acoustic model from an adaptation corpus
# written by adapt-corpus.ts (CORPUS/raw, adapt.fileids, adapt.transcription, lm/domain.dic):
#   features (sphinx_fe, the model's feat.params) -> Baum-Welch statistics (SphinxTrain bw) for the
#   clean and the noisy half -> one global MLLR transform each (mllr_solve) -> the noise-only transform
#   (factor-noise.ts) written to OUT.
#   sh adapt.sh CORPUS OUT
set -eu
CORPUS=$1
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
MODEL=${POCKETSPHINX_HMM:-/usr/share/pocketsphinx/model/en-us/en-us}
ST=/usr/lib/sphinxtrain
WORK=$CORPUS/adapt
rm -rf "$WORK" && mkdir -p "$WORK/hmm" "$WORK/mfc"
# bw reads mixture weights and a text model definition; the Debian model has sendump and a binary mdef.
for f in feat.params means variances noisedict transition_matrices; do cp "$MODEL/$f" "$WORK/hmm/"; done
npx tsx "$HERE/sendump-to-mixw.ts" "$MODEL/sendump" 3 "$WORK/hmm/mixture_weights"
pocketsphinx_mdef_convert -text "$MODEL/mdef" "$WORK/hmm/mdef.txt" 2>/dev/null
sphinx_fe -argfile "$MODEL/feat.params" -samprate 16000 -c "$CORPUS/adapt.fileids" -di "$CORPUS/raw" \
  -do "$WORK/mfc" -ei raw -eo mfc -raw yes -input_endian little >"$WORK/fe.log" 2>&1
for half in clean noisy; do
  if [ "$half" = clean ]; then pat='_clean$'; else pat='_[a-z]*noise[0-9]*$'; fi
  grep -E "$pat" "$CORPUS/adapt.fileids" >"$WORK/$half.fileids"
  grep -E "${pat%\$}\)\$" "$CORPUS/adapt.transcription" >"$WORK/$half.transcription"
  mkdir -p "$WORK/$half"
  "$ST/bw" -hmmdir "$WORK/hmm" -moddeffn "$WORK/hmm/mdef.txt" -ts2cbfn .ptm. -feat 1s_c_d_dd \
    -svspec 0-12/13-25/26-38 -cmn batch -agc none -dictfn "$CORPUS/lm/domain.dic" \
    -fdictfn "$WORK/hmm/noisedict" -ctlfn "$WORK/$half.fileids" -lsnfn "$WORK/$half.transcription" \
    -cepdir "$WORK/mfc" -accumdir "$WORK/$half" >"$WORK/$half.bw.log" 2>&1
  "$ST/mllr_solve" -meanfn "$WORK/hmm/means" -varfn "$WORK/hmm/variances" -outmllrfn "$WORK/$half.mllr" \
    -accumdir "$WORK/$half" >"$WORK/$half.mllr.log" 2>&1
  echo "$half: $(wc -l <"$WORK/$half.fileids") utterances, $(grep -c 'ignored' "$WORK/$half.bw.log" || true) not aligned"
done
npx tsx "$HERE/factor-noise.ts" "$WORK/clean.mllr" "$WORK/noisy.mllr" "$OUT"
